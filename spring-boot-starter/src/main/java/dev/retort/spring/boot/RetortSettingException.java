package dev.retort.spring.boot;

/**
 * A setting the starter cannot work with (a {@code retort.*} property, or a Groovy or Kotlin version Boot chose);
 * its message names the setting and what to set.
 */
final class RetortSettingException extends RuntimeException {
    RetortSettingException(String message) { super(message); }

    RetortSettingException(String message, Throwable cause) { super(message, cause); }
}
