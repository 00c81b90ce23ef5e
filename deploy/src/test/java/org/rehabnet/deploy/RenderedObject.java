package org.rehabnet.deploy;

/** One object of a rendered overlay, parsed into its typed model ({@code model} is null if it did not parse). */
record RenderedObject(String apiVersion, String kind, String name, Object model) {

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
