package dev.mynasim.web.demo;

import java.util.List;

/** One layout's records as a readable table: its name and code, the columns, the rows shown, and how many exist. */
public record DemoTable(String name, String code, List<String> columns, List<List<String>> rows, int total) {

    public boolean truncated() {
        return rows.size() < total;
    }
}
