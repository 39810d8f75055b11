package dev.strata.cli.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from text before it is printed: the password of {@code user:pass@} in URLs,
 * {@code password=…} parameters, and every configured password wherever it occurs (drivers quote
 * URLs and values in their messages). Thread-safe.
 */
public final class SecretMask {
  static final String MASK = "***";

  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)\\b(password|pwd|passwd)=[^&;\\s\"',)]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:\\s]+):([^/@\\s]*)@");

  private final Set<String> secrets = new LinkedHashSet<>();

  /** Masks {@code secret} from now on; {@code null} and empty strings are ignored. */
  public synchronized void add(@Nullable String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /** {@code text} with every credential replaced by {@code ***}. */
  public synchronized String apply(String text) {
    String masked = text;
    // Longest first, so that a password containing another one is masked whole.
    for (String secret :
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      masked = masked.replace(secret, MASK);
    }
    masked = PASSWORD_PARAM.matcher(masked).replaceAll("$1=" + Matcher.quoteReplacement(MASK));
    return USER_INFO.matcher(masked).replaceAll("//$1:" + Matcher.quoteReplacement(MASK) + "@");
  }
}
