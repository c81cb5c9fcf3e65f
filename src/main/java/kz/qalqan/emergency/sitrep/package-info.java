/**
 * The situation report of an emergency ({@link kz.qalqan.emergency.sitrep.Sitreps}): activated, answered, arrived,
 * accounted, injured, tasks by status, people still checked in, and the same figures hour by hour; as JSON, a PDF in
 * the reader's language and a page with a chart. Accountability figures are read only once that table exists.
 */
package kz.qalqan.emergency.sitrep;
