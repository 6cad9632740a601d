package com.qundesk.imports;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One file of a batch and how to import it.
 *
 * @param kind    the import that applies (null: the one the file's content calls for)
 * @param options the zone, format, groups and group creation (a WeCom file uses the zone and group creation)
 * @param owner   for WeCom statistics per day: the owner filter of the request (null: every owner)
 * @param day     for WeCom statistics per owner, which do not say their day: the day they are for
 */
public record BatchFile(Path file, ImportKind kind, ImportOptions options, String owner, LocalDate day) {
}
