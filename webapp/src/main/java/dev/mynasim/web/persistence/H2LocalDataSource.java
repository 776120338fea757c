package dev.mynasim.web.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2's datasource seen as a plain {@link DataSource}. {@link JdbcDataSource} also implements {@code XADataSource}, and
 * Payara then pools XA connections, so every transaction commits through the distributed (JTS) coordinator although
 * the application has a single resource; this class exposes only the local-transaction face, and the pool commits
 * locally. Payara configures it through the bean setters below, like any datasource class.
 */
public class H2LocalDataSource implements DataSource {

    private final JdbcDataSource h2 = new JdbcDataSource();

    /**
     * H2 keeps the last {@code QUERY_CACHE_SIZE} parsed statements per connection, 8 by default: fewer than one token
     * request and the request log's writer use on a pooled connection, so each statement was parsed again. A URL that
     * sets its own size keeps it.
     */
    static final String QUERY_CACHE = "QUERY_CACHE_SIZE=64";

    public void setUrl(String url) {
        h2.setURL(withQueryCache(url));
    }

    public void setURL(String url) {
        h2.setURL(withQueryCache(url));
    }

    static String withQueryCache(String url) {
        if (url == null || url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + (url.endsWith(";") ? "" : ";") + QUERY_CACHE;
    }

    public String getUrl() {
        return h2.getURL();
    }

    public void setUser(String user) {
        h2.setUser(user);
    }

    public String getUser() {
        return h2.getUser();
    }

    public void setPassword(String password) {
        h2.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return h2.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("H2 logs through its own trace system");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
