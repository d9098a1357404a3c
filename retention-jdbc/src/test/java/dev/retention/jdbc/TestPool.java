package dev.retention.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the tests (the library takes the user's pool; the tests need one
 * so that thousands of calls do not each open a PostgreSQL connection). A connection handed out
 * is a proxy whose {@code close} puts the physical connection back, unless it was closed or broke.
 * Thread-safe.
 */
final class TestPool implements DataSource, AutoCloseable {
    private final DataSource physical;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private final List<Connection> all = new ArrayList<>();

    TestPool(DataSource physical, int size) {
        this.physical = physical;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new SQLException("no pooled connection within 60 s", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", "08001", e);
        }
        try {
            Connection c = idle.poll();
            if (c == null || c.isClosed()) {
                c = physical.getConnection();
                synchronized (all) {
                    all.add(c);
                }
            }
            return wrap(c);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection wrap(Connection c) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        synchronized (returned) {
                            if (!returned[0]) {
                                returned[0] = true;
                                if (!c.isClosed()) {
                                    if (!c.getAutoCommit()) {
                                        c.rollback();
                                        c.setAutoCommit(true);
                                    }
                                    idle.offer(c);
                                }
                                permits.release();
                            }
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return returned[0] || c.isClosed();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
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
        if (iface.isInstance(physical)) {
            return iface.cast(physical);
        }
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(physical);
    }
}
