package dev.retort.spring.boot;

/** A {@code retort.*} property the starter cannot work with; its message names the property and what to set. */
final class RetortSettingException extends RuntimeException {
    RetortSettingException(String message) { super(message); }
}
