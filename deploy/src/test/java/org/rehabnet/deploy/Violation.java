package org.rehabnet.deploy;

/** One broken rule: which rendered object ({@code Kind/name}) and why, in words an operator acts on. */
record Violation(String object, String reason) {

  static Violation of(RenderedObject object, String reason) {
    return new Violation(object.id(), reason);
  }

  @Override
  public String toString() {
    return object + ": " + reason;
  }
}
