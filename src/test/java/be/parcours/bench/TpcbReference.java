package be.parcours.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The reference of the throughput benchmarks: pgbench's TPC-B-like transaction ("tpcb-like", the
 * default script of {@code pgbench}) played over JDBC against the same PostgreSQL server as the
 * application, in tables of their own (schema {@code bench_tpcb}, scale 1: 1 branch, 10 tellers,
 * 100,000 accounts). The zonky embedded binaries ship no {@code pgbench}, so this is not pgbench
 * itself: the same five statements per transaction (three updates, one select, one insert),
 * prepared statements, one round trip each, the same client count as the measured workload.
 */
public final class TpcbReference {

  static final int ACCOUNTS = 100_000;
  static final int TELLERS = 10;

  private TpcbReference() {}

  /** Creates (or re-creates) the tables, scale 1. */
  public static void setUp(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      st.execute("DROP SCHEMA IF EXISTS bench_tpcb CASCADE");
      st.execute("CREATE SCHEMA bench_tpcb");
      st.execute("CREATE TABLE bench_tpcb.branches (bid int PRIMARY KEY, bbalance int, filler char(88)) WITH (fillfactor=100)");
      st.execute("CREATE TABLE bench_tpcb.tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)");
      st.execute("CREATE TABLE bench_tpcb.accounts (aid int, bid int, abalance int, filler char(84)) WITH (fillfactor=100)");
      st.execute("CREATE TABLE bench_tpcb.history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
      st.execute("INSERT INTO bench_tpcb.branches VALUES (1, 0, NULL)");
      st.execute("INSERT INTO bench_tpcb.tellers SELECT t, 1, 0, NULL FROM generate_series(1, " + TELLERS + ") t");
      st.execute("INSERT INTO bench_tpcb.accounts SELECT a, 1, 0, '' FROM generate_series(1, " + ACCOUNTS + ") a");
      st.execute("ALTER TABLE bench_tpcb.accounts ADD PRIMARY KEY (aid)");
      st.execute("VACUUM ANALYZE bench_tpcb.accounts");
      st.execute("VACUUM ANALYZE bench_tpcb.tellers");
      st.execute("VACUUM ANALYZE bench_tpcb.branches");
    }
  }

  /** Transactions per second with that many clients during that many seconds (after a 2 s warm-up). */
  public static double tps(DataSource ds, int clients, double seconds) throws Exception {
    run(ds, clients, 2.0);
    return run(ds, clients, seconds);
  }

  private static double run(DataSource ds, int clients, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      done.add(pool.submit(() -> client(ds, end)));
    }
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return total / elapsed;
  }

  private static int client(DataSource ds, long end) throws SQLException {
    int n = 0;
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    try (Connection c = ds.getConnection();
        PreparedStatement ua = c.prepareStatement("UPDATE bench_tpcb.accounts SET abalance = abalance + ? WHERE aid = ?");
        PreparedStatement sa = c.prepareStatement("SELECT abalance FROM bench_tpcb.accounts WHERE aid = ?");
        PreparedStatement ut = c.prepareStatement("UPDATE bench_tpcb.tellers SET tbalance = tbalance + ? WHERE tid = ?");
        PreparedStatement ub = c.prepareStatement("UPDATE bench_tpcb.branches SET bbalance = bbalance + ? WHERE bid = ?");
        PreparedStatement ih = c.prepareStatement("INSERT INTO bench_tpcb.history (tid, bid, aid, delta, mtime) "
            + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
      c.setAutoCommit(false);
      while (System.nanoTime() < end) {
        int aid = 1 + rnd.nextInt(ACCOUNTS);
        int tid = 1 + rnd.nextInt(TELLERS);
        int delta = rnd.nextInt(-5000, 5001);
        ua.setInt(1, delta);
        ua.setInt(2, aid);
        ua.executeUpdate();
        sa.setInt(1, aid);
        try (var rs = sa.executeQuery()) {
          rs.next();
        }
        ut.setInt(1, delta);
        ut.setInt(2, tid);
        ut.executeUpdate();
        ub.setInt(1, delta);
        ub.setInt(2, 1);
        ub.executeUpdate();
        ih.setInt(1, tid);
        ih.setInt(2, 1);
        ih.setInt(3, aid);
        ih.setInt(4, delta);
        ih.executeUpdate();
        c.commit();
        n++;
      }
      c.setAutoCommit(true);
    }
    return n;
  }

  /** "x.xx × reference" */
  public static String ratio(double value, double reference) {
    return String.format(Locale.ROOT, "%.3f ×", value / reference);
  }
}
