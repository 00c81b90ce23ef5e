package org.rehabnet.deploy;

import org.jspecify.annotations.Nullable;

/**
 * One object of a rendered overlay, parsed into its typed model ({@code model} is null if it did not
 * parse); {@code namespace} is empty when the object names none.
 */
record RenderedObject(String apiVersion, String kind, String name, String namespace, @Nullable Object model) {

  String id() {
    return kind + "/" + name;
  }

  <T> T as(Class<T> type) {
    return type.cast(model);
  }

  boolean is(Class<?> type) {
    return type.isInstance(model);
  }
}
