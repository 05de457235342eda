// The partner's customers with their tenants, in each format: a row per tenant in a table or CSV
// (a customer without tenants keeps one row), the customers as they are in JSON and NDJSON.
import type { Customer } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import { csvCell } from './csv.js';
import type { Format } from './index.js';
import { writeTable } from './table.js';

export const CUSTOMER_CSV_COLUMNS = [
  'customerId',
  'organization',
  'ownerEmail',
  'countryOrRegion',
  'jobStatus',
  'jobStatusLabel',
  'managementMode',
  'managementModeLabel',
  'tenantId',
  'tenantName',
] as const;

const tenantRows = (customer: Customer) => (customer.tenants.length > 0 ? customer.tenants : [undefined]);

export async function writeCustomers(format: Format, sink: TextSink, customers: readonly Customer[]): Promise<void> {
  switch (format) {
    case 'json':
      await sink.write(`${JSON.stringify(customers, null, 2)}\n`);
      return sink.flush();
    case 'ndjson':
      for (const customer of customers) await sink.write(`${JSON.stringify(customer)}\n`);
      return sink.flush();
    case 'csv': {
      await sink.write(`${CUSTOMER_CSV_COLUMNS.join(',')}\r\n`);
      for (const c of customers) {
        for (const t of tenantRows(c)) {
          const cells = [
            c.id,
            c.organization,
            c.ownerEmail,
            c.countryOrRegion,
            c.jobStatus,
            c.jobStatusLabel,
            c.managementMode,
            c.managementModeLabel,
            t?.id,
            t?.name,
          ];
          await sink.write(`${cells.map(csvCell).join(',')}\r\n`);
        }
      }
      return sink.flush();
    }
    case 'table': {
      const rows = customers.flatMap((c) =>
        tenantRows(c).map((t) => [c.organization ?? '', c.id, t ? (t.name ?? '') : '(no tenants)', t?.id ?? '']),
      );
      return writeTable(sink, ['Customer', 'Customer ID', 'Tenant', 'Tenant ID'], rows);
    }
  }
}
