// The output formats of users, by name.
import type { TextSink } from '../text-sink.js';
import { csvWriter } from './csv.js';
import { jsonWriter, ndjsonWriter } from './json.js';
import { tableWriter } from './table.js';
import type { UserWriter, WriterOptions } from './writer.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type { UserRow, UserWriter, WriterOptions } from './writer.js';

export function createWriter(format: Format, sink: TextSink, options: WriterOptions = { tenantColumns: false }): UserWriter {
  switch (format) {
    case 'ndjson':
      return ndjsonWriter(sink);
    case 'json':
      return jsonWriter(sink);
    case 'csv':
      return csvWriter(sink, options);
    case 'table':
      return tableWriter(sink, options);
  }
}
