package dev.retention.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that fails on cue: {@link #killAtStatement} closes the physical connection just
 * before the n-th statement runs (as a server crash or a network cut would, mid-transaction), and
 * {@link #down} refuses every new connection. Counts the statements run. Thread-safe.
 */
final class FaultyDataSource implements DataSource {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final DataSource physical;
    private final AtomicInteger executed = new AtomicInteger();
    private volatile int killAt = Integer.MAX_VALUE;
    private volatile boolean down;

    FaultyDataSource(DataSource physical) {
        this.physical = physical;
    }

    /** From now on, closes the connection before the n-th statement counted from now (1 = the next). */
    void killAtStatement(int n) {
        executed.set(0);
        killAt = n;
    }

    void heal() {
        killAt = Integer.MAX_VALUE;
        down = false;
    }

    void down() {
        down = true;
    }

    int executed() {
        return executed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("Connection refused (the test's database is down)", "08001");
        }
        Connection c = physical.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = call(c, method, args);
                    if (result instanceof Statement s) {
                        Class<?> type = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                                (p, m, a) -> {
                                    if (EXECUTES.contains(m.getName()) && executed.incrementAndGet() == killAt) {
                                        c.close();
                                    }
                                    return call(s, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
