import type { User } from '../../protocol/index.js';
import type { TextSink } from '../text-sink.js';
import { csvWriter } from './csv.js';
import { jsonWriter, ndjsonWriter } from './json.js';
import { tableWriter } from './table.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface UserWriter {
  /** A page of users at once: one string per page rather than per user keeps a big export cheap. */
  writePage(users: readonly User[]): Promise<void>;
  end(): Promise<void>;
}

export function createWriter(format: Format, sink: TextSink): UserWriter {
  switch (format) {
    case 'ndjson':
      return ndjsonWriter(sink);
    case 'json':
      return jsonWriter(sink);
    case 'csv':
      return csvWriter(sink);
    case 'table':
      return tableWriter(sink);
  }
}
