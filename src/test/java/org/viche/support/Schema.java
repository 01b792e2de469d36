package org.viche.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What the schema holds, for tests that assert what a table can (not) record. */
public final class Schema {

    private Schema() {
    }

    /** The column names of a table in schema viche, sorted. */
    public static List<String> columns(DataSource dataSource, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select column_name from information_schema.columns
                 where table_schema = 'viche' and table_name = ? order by column_name""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
