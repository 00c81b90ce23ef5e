package org.rehabnet.intake.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The settings that differ between two documents, leaf by leaf, in document order. Numbers compare
 * by value, so 4 and 4.0 mg are the same setting and no change is recorded for a reformatting.
 */
final class SettingsDiff {

  static List<SettingChange> between(String prefix, @Nullable JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = new LinkedHashMap<>();
    Map<String, JsonNode> now = new LinkedHashMap<>();
    flatten(prefix, before, old);
    flatten(prefix, after, now);
    Set<String> paths = new LinkedHashSet<>(now.keySet());
    paths.addAll(old.keySet());
    List<SettingChange> changes = new ArrayList<>();
    for (String path : paths) {
      JsonNode was = old.get(path);
      JsonNode is = now.get(path);
      if (!same(was, is)) {
        changes.add(new SettingChange(path, was, is));
      }
    }
    return changes;
  }

  private static void flatten(String path, @Nullable JsonNode node, Map<String, JsonNode> leaves) {
    if (node == null || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        flatten(path + "." + name, node.get(name), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static boolean same(@Nullable JsonNode a, @Nullable JsonNode b) {
    boolean aEmpty = a == null || a.isNull();
    boolean bEmpty = b == null || b.isNull();
    if (aEmpty || bEmpty) {
      return aEmpty && bEmpty;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return Objects.equals(a, b);
  }

  private SettingsDiff() {}
}
