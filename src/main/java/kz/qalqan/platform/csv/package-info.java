/**
 * Streaming CSV (RFC 4180 with the lenient extensions documented on {@link kz.qalqan.platform.csv.CsvReader})
 * for imports and exports: {@link kz.qalqan.platform.csv.CsvReader} and {@link kz.qalqan.platform.csv.CsvWriter}.
 */
package kz.qalqan.platform.csv;
