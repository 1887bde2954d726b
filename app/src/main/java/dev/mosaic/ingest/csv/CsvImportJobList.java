package dev.mosaic.ingest.csv;

import java.util.List;

/** A page of a tenant's background imports, newest first, and how many it has in all. */
public record CsvImportJobList(List<CsvImportJob> items, int total) {
}
