package org.rehabnet.aftercare.partner;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** One FhirContext for the service (costly to build: it scans the whole R4 model), and the notice header. */
@Configuration(proxyBeanMethods = false)
class FhirConfig implements WebMvcConfigurer {

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4();
  }

  /** Every partner response carries the §2.32 notice, refusals included. */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader(Part2Labels.NOTICE_HEADER, Part2Labels.NOTICE);
        return true;
      }
    }).addPathPatterns("/partner/**");
  }
}
