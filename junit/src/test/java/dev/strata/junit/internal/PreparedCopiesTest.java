package dev.strata.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreparedCopiesTest {
  /** A template whose copies are names; records what was made and dropped, and on which thread. */
  private static final class RecordingTemplate implements Template {
    final AtomicInteger next = new AtomicInteger();
    final List<String> made = Collections.synchronizedList(new ArrayList<>());
    final List<String> dropped = Collections.synchronizedList(new ArrayList<>());
    final List<String> dropThreads = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;
    volatile boolean fail;

    @Override
    public DatabaseCopy copy() {
      if (fail) {
        throw new IllegalStateException("copy failed");
      }
      String name = "copy" + next.incrementAndGet();
      made.add(name);
      return new DatabaseCopy(
          name,
          () -> {
            dropped.add(name);
            dropThreads.add(Thread.currentThread().getName());
          });
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void handsOutDistinctCopiesInOrderAndKeepsTheNextOnesPrepared() throws Exception {
    RecordingTemplate template = new RecordingTemplate();
    PreparedCopies copies = new PreparedCopies(template, 2);
    DatabaseCopy first = copies.copy();
    DatabaseCopy second = copies.copy();
    assertThat(List.of(first.url(), second.url())).containsExactly("copy1", "copy2");
    copies.close();
    // two more were ordered ahead, never handed out, and dropped by close, before the template
    assertThat(template.made).containsExactly("copy1", "copy2", "copy3", "copy4");
    assertThat(template.dropped).containsExactlyInAnyOrder("copy3", "copy4");
    assertThat(template.closed).isTrue();
  }

  @Test
  void dropsAClosedCopyInTheBackgroundAndCloseWaitsForIt() throws Exception {
    RecordingTemplate template = new RecordingTemplate();
    PreparedCopies copies = new PreparedCopies(template, 1);
    DatabaseCopy copy = copies.copy();
    copy.close();
    copies.close();
    assertThat(template.dropped).contains("copy1");
    assertThat(template.dropThreads.get(template.dropped.indexOf("copy1")))
        .isEqualTo("strata-junit-copies");
  }

  @Test
  void withNoneAheadCopiesAndDropsOnTheCallersThread() throws Exception {
    RecordingTemplate template = new RecordingTemplate();
    PreparedCopies copies = new PreparedCopies(template, 0);
    assertThat(template.made).isEmpty();
    DatabaseCopy copy = copies.copy();
    assertThat(template.made).containsExactly("copy1");
    copy.close();
    assertThat(template.dropped).containsExactly("copy1");
    assertThat(template.dropThreads).containsExactly(Thread.currentThread().getName());
    copies.close();
    assertThat(template.closed).isTrue();
  }

  @Test
  void aCopyThatFailsInTheBackgroundFailsTheTestThatGetsIt() throws Exception {
    RecordingTemplate template = new RecordingTemplate();
    template.fail = true;
    PreparedCopies copies = new PreparedCopies(template, 1);
    assertThatThrownBy(copies::copy)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("copy failed");
    template.fail = false;
    copies.close();
    assertThat(template.closed).isTrue();
  }

  @Test
  void refusesCopiesAfterClose() throws Exception {
    PreparedCopies copies = new PreparedCopies(new RecordingTemplate(), 1);
    copies.close();
    assertThatThrownBy(copies::copy).hasMessageContaining("closed");
  }

  @Test
  void aBadCountNamesThePropertyAndWhatToGive() {
    String old = System.getProperty(PreparedCopies.PREPARED);
    System.setProperty(PreparedCopies.PREPARED, "many");
    try {
      assertThatThrownBy(PreparedCopies::aheadFromSettings)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "-Dstrata.junit.prepared=many is not a count of copies to make ahead: give 0 (none:"
                  + " each copy made when a test asks) or more, e.g. 2");
    } finally {
      if (old == null) {
        System.clearProperty(PreparedCopies.PREPARED);
      } else {
        System.setProperty(PreparedCopies.PREPARED, old);
      }
    }
  }
}
