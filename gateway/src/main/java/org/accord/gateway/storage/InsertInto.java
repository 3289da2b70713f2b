package org.accord.gateway.storage;

import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An insert into one table: its columns, in the order a row gives their values, and each column's JDBC type (which
 * a null needs).
 */
public record InsertInto(String table, List<String> columns, int[] types) {

    public InsertInto {
        columns = List.copyOf(columns);
        types = types.clone();
        if (columns.size() != types.length || columns.isEmpty()) {
            throw new IllegalArgumentException("An insert into " + table + " needs a type for each of its columns");
        }
    }

    /**
     * @param columnsAndTypes the columns in order, each followed by its {@link Types} constant:
     *        {@code "id", Types.VARCHAR, "size", Types.INTEGER}
     */
    public static InsertInto table(String table, Object... columnsAndTypes) {
        if (columnsAndTypes.length % 2 != 0) {
            throw new IllegalArgumentException("Give each column of " + table + " a type");
        }
        String[] columns = new String[columnsAndTypes.length / 2];
        int[] types = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = (String) columnsAndTypes[2 * i];
            types[i] = (Integer) columnsAndTypes[2 * i + 1];
        }
        return new InsertInto(table, List.of(columns), types);
    }

    int width() {
        return columns.size();
    }

    /** {@code insert into t (a, b) values (?, ?), (?, ?)} for {@code rows} rows. */
    String sql(int rows) {
        String row = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (").append(String.join(", ", columns))
                .append(") values ").append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }

    // A record compares arrays by reference; inserts are kept as constants, so equality is by table and columns.
    @Override
    public boolean equals(Object other) {
        return other instanceof InsertInto o && table.equals(o.table) && columns.equals(o.columns) && Arrays.equals(types, o.types);
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return "insert into " + table + " " + columns;
    }
}
