package dev.switchboard.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Direct access to the test database, to check what the server stored (and what it did not). */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("switchboard.db.url"), "postgres", "");
    }

    public static int countByDeliveryId(String platform, String deliveryId) {
        return queryInt("select count(*) from webhook_delivery where platform = ? and delivery_id = ?",
                platform.toUpperCase(), deliveryId);
    }

    public static int countAll() {
        return queryInt("select count(*) from webhook_delivery");
    }

    /** The delivery's row as column name → value, or empty. */
    public static Optional<Map<String, Object>> row(String id) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("select * from webhook_delivery where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the delivery reaches one of the statuses; returns its row then. */
    public static Map<String, Object> awaitStatus(String id, Duration timeout, String... statuses) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> row = null;
        while (System.nanoTime() < deadline) {
            row = row(id).orElse(null);
            if (row != null && java.util.Arrays.asList(statuses).contains((String) row.get("status"))) {
                return row;
            }
            sleep(100);
        }
        throw new AssertionError("delivery " + id + " did not reach " + String.join("/", statuses)
                + " within " + timeout + "; last seen: " + row);
    }

    /**
     * A GitHub delivery committed QUEUED, last touched {@code age} ago, whose JMS message never went out (as if the
     * server stopped between the commit and the outbox's send, or the broker lost it). Returns its id.
     */
    public static String insertQueuedWithoutMessage(String deliveryId, Sample sample, Duration age) {
        String id = java.util.UUID.randomUUID().toString();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO webhook_delivery (id, platform, delivery_id, event, action, account_id, headers, payload,"
                        + " status, attempts, received_at, updated_at, version) VALUES (?, 'GITHUB', ?, 'issue_comment',"
                        + " 'created', '4242', '{}', ?, 'QUEUED', 0, now() - ? * interval '1 millisecond',"
                        + " now() - ? * interval '1 millisecond', 0)")) {
            s.setString(1, id);
            s.setString(2, deliveryId);
            s.setString(3, new String(sample.body(), java.nio.charset.StandardCharsets.UTF_8));
            s.setLong(4, age.toMillis());
            s.setLong(5, age.toMillis());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public static void execute(String sql) {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the database refuse to record an outcome (PROCESSED, IGNORED) for deliveries whose platform id starts
     * with {@code prefix}: every processing attempt rolls back, so they end DEAD. Closing removes the refusal.
     */
    public static AutoCloseable refuseOutcomes(String prefix) {
        String name = "it_refuse_" + Integer.toHexString(prefix.hashCode());
        execute("""
                CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger AS $$
                BEGIN
                  IF NEW.delivery_id LIKE '%2$s%%' AND NEW.status IN ('PROCESSED', 'IGNORED') THEN
                    RAISE EXCEPTION 'it: outcome refused for %%', NEW.delivery_id;
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(name, prefix));
        execute("DROP TRIGGER IF EXISTS " + name + " ON webhook_delivery");
        execute("CREATE TRIGGER " + name + " BEFORE UPDATE ON webhook_delivery FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        return () -> execute("DROP TRIGGER IF EXISTS " + name + " ON webhook_delivery");
    }

    /** The first column of the first row, e.g. of a {@code select count(*)}. */
    public static int queryInt(String sql, Object... params) {
        return first(sql, params, rs -> rs.getInt(1));
    }

    /** The first column of the first row as text (null without a row), e.g. of a {@code select string_agg(...)}. */
    public static String queryString(String sql, Object... params) {
        return first(sql, params, rs -> rs.getString(1));
    }

    /** Waits until the query's first column is not null (e.g. a row appears); returns it. */
    public static String awaitValue(String sql, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String value = queryString(sql);
            if (value != null) {
                return value;
            }
            sleep(200);
        }
        throw new AssertionError("nothing for " + sql + " within " + timeout);
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T first(String sql, Object[] params, Column<T> column) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? column.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
