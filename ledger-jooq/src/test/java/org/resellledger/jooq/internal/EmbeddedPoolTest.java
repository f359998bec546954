package org.resellledger.jooq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resellledger.jooq.support.H2Databases;

class EmbeddedPoolTest {
  private final EmbeddedPool pool = EmbeddedPool.open(H2Databases.newDirectory(), "pool", 2);

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aConnectionGivenBackInsideATransaction_isRolledBack_andHandedOutAgainInAutoCommit() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v INT)");
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("INSERT INTO t VALUES (1)");
    }

    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void aStatementUsedAgainOnAPooledConnection_isNotParsedAgain() throws Exception {
    Object first = commandOf("SELECT 1 WHERE ? = 1");
    // H2's own pool rolls back on every hand-out and return, which empties H2's query cache
    assertThat(commandOf("SELECT 1 WHERE ? = 1")).isSameAs(first);
  }

  @Test
  void aClosedHandle_isRefused_andAClosedPoolHandsOutNothing() throws SQLException {
    Connection c = pool.getConnection();
    c.close();
    c.close();

    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
    pool.close();
    assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
  }

  /** H2's parsed command behind a statement prepared on a fresh checkout (H2 internals, test only). */
  private Object commandOf(String sql) throws Exception {
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      PreparedStatement h2 = ps.unwrap(PreparedStatement.class);
      java.lang.reflect.Field command = org.h2.jdbc.JdbcPreparedStatement.class.getDeclaredField("command");
      command.setAccessible(true);
      return command.get(h2);
    }
  }
}
