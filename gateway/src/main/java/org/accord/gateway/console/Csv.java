package org.accord.gateway.console;

import java.util.List;

/** RFC 4180 lines, with cells that a spreadsheet would run as a formula made inert. */
final class Csv {

    private Csv() {
    }

    static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.matches("[^\",\r\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
