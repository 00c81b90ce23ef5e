package org.rehabnet.portal.web;

import jakarta.servlet.http.HttpSession;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.springframework.stereotype.Component;

/**
 * Who a patient id is, for the pages that show names (monitoring and aftercare hold ids). Looked up in
 * intake through the gateway, as the user (so site isolation holds), and remembered in the user's own
 * session only: it ends with the session.
 */
@Component
public class Patients {

  static final String CACHE = Patients.class.getName() + ".names";
  private final Gateway gateway;

  Patients(Gateway gateway) {
    this.gateway = gateway;
  }

  /** A patient as a page names them. */
  public record Patient(String patientId, String name, String mrn, String dateOfBirth) {

    static Patient unknown(String patientId) {
      return new Patient(patientId, "(not visible)", "", "");
    }

    @Override
    public String toString() {
      return "Patient[" + patientId + "]";
    }
  }

  @SuppressWarnings("unchecked")
  public Map<String, Patient> named(Collection<String> ids, HttpSession session) {
    Map<String, Patient> cache = (Map<String, Patient>) session.getAttribute(CACHE);
    if (cache == null) {
      cache = new ConcurrentHashMap<>();
      session.setAttribute(CACHE, cache);
    }
    String token = gateway.token();
    Map<String, Future<Patient>> pending = new java.util.LinkedHashMap<>();
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String id : ids) {
        if (!cache.containsKey(id) && !pending.containsKey(id)) {
          pending.put(id, parallel.submit(() -> lookup(token, id)));
        }
      }
      for (var entry : pending.entrySet()) {
        try {
          cache.put(entry.getKey(), entry.getValue().get());
        } catch (Exception e) {
          cache.put(entry.getKey(), Patient.unknown(entry.getKey()));
        }
      }
    }
    Map<String, Patient> named = new java.util.HashMap<>();
    for (String id : ids) {
      named.put(id, cache.getOrDefault(id, Patient.unknown(id)));
    }
    return named;
  }

  public Patient one(String id, HttpSession session) {
    return named(java.util.List.of(id), session).get(id);
  }

  private Patient lookup(String token, String id) {
    try {
      Map<String, Object> patient = gateway.getAs(token, "/api/intake/v1/patients/{id}", id);
      return new Patient(id, patient.get("givenName") + " " + patient.get("familyName"),
          String.valueOf(patient.get("mrn")), String.valueOf(patient.get("dateOfBirth")));
    } catch (GatewayProblem e) {
      return Patient.unknown(id);
    }
  }
}
