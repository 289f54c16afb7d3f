package be.parcours.clock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the simple CSV tables of rules/clocks: '#' comments, a header line, comma-separated cells. */
final class CsvTable {

  private CsvTable() {}

  static List<Map<String, String>> read(Reader source, String name) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    String[] header = null;
    int lineNo = 0;
    try (BufferedReader reader = new BufferedReader(source)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (header == null) {
          header = Arrays.stream(cells).map(String::strip).toArray(String[]::new);
          continue;
        }
        if (cells.length != header.length) {
          throw new IllegalArgumentException(name + ":" + lineNo + ": expected " + header.length + " cells, found "
              + cells.length);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i].strip());
        }
        row.put("_line", Integer.toString(lineNo));
        rows.add(row);
      }
    }
    return rows;
  }
}
