package it.vademecum.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import it.vademecum.RealServices;
import it.vademecum.redis.DialogsBroadcast;
import it.vademecum.redis.Redis;
import it.vademecum.shift.DialogsCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances, each with its own copy of dialogs/, announcing reloads through a real Redis. */
class DialogsBroadcastTest {

  private static final String PAYMENT = "pagamento-non-registrato.json";
  private static final String TITLE = "\"title\": \"Pagamento con bollettino o bonifico non registrato\"";

  @TempDir
  Path tmp;
  private Redis redisOne;
  private Redis redisTwo;
  private DialogsReloader one;
  private DialogsReloader two;
  private DialogsBroadcast broadcastOne;
  private DialogsBroadcast broadcastTwo;

  @BeforeEach
  void start() throws Exception {
    String url = RealServices.redisUrl();
    redisOne = Redis.connect(url);
    redisTwo = Redis.connect(url);
    one = DialogsReloader.load(DialogsCopy.into(Files.createDirectories(tmp.resolve("one"))));
    two = DialogsReloader.load(DialogsCopy.into(Files.createDirectories(tmp.resolve("two"))));
    broadcastOne = DialogsBroadcast.start(redisOne, one);
    broadcastTwo = DialogsBroadcast.start(redisTwo, two);
  }

  @AfterEach
  void stop() {
    if (broadcastOne == null) {
      return; // skipped: no Redis given (TEST_REDIS_URL)
    }
    broadcastOne.close();
    broadcastTwo.close();
    one.close();
    two.close();
    redisOne.close();
    redisTwo.close();
  }

  private static CountDownLatch nextReload(DialogsReloader dialogs) {
    CountDownLatch reloaded = new CountDownLatch(1);
    dialogs.onReload(r -> reloaded.countDown());
    return reloaded;
  }

  @Test
  void aReloadOnOneInstanceReachesTheOther() throws Exception {
    String before = two.current().version();
    String edited = TITLE.replace("non registrato", "non ancora registrato");
    DialogsCopy.edit(one.dir(), PAYMENT, TITLE, edited);
    DialogsCopy.edit(two.dir(), PAYMENT, TITLE, edited); // the same change deployed on both machines
    CountDownLatch twoReloaded = nextReload(two);
    DialogsReloader.Result r = one.reload(); // «ricarica» on instance one
    assertNotEquals(before, r.current().version());
    assertEquals(true, twoReloaded.await(10, TimeUnit.SECONDS), "instance two reloaded");
    assertEquals(one.current().version(), two.current().version());
  }

  @Test
  void anInstanceWhoseCopyIsBrokenKeepsItsLastGoodVersion() throws Exception {
    String good = two.current().version();
    DialogsCopy.edit(one.dir(), PAYMENT, TITLE, TITLE.replace("non registrato", "non ancora registrato"));
    DialogsCopy.edit(two.dir(), PAYMENT, "\"next\": \"inoltra-billing\"", "\"next\": \"inoltra-biling\"");
    CountDownLatch twoReloaded = nextReload(two);
    one.reload();
    assertEquals(true, twoReloaded.await(10, TimeUnit.SECONDS), "instance two tried");
    assertEquals(good, two.current().version());
    assertFalse(two.lastProblems().isEmpty());
  }
}
