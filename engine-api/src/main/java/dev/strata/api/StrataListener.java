package dev.strata.api;

/**
 * Receives {@link StrataEvent}s on the thread running the command. Implementations should be quick;
 * an exception thrown by a listener is not caught and stops the command.
 */
@FunctionalInterface
public interface StrataListener {
  void onEvent(StrataEvent event);
}
