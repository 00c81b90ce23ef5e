package org.rehabnet.platform.web.paging;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller's {@code @Windowed Window} parameter the window of the request's {@code from},
 * {@code to}, {@code limit} and {@code cursor}, telling "now" by the platform's clock.
 */
public class WindowArgumentResolver implements HandlerMethodArgumentResolver {

  private final Clock clock;

  public WindowArgumentResolver(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Window.class && parameter.hasParameterAnnotation(Windowed.class);
  }

  @Override
  public Window resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
      NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
    Windowed windowed = parameter.getParameterAnnotation(Windowed.class);
    if (windowed == null) {
      throw new IllegalStateException("not a @Windowed parameter");
    }
    return Window.resolve(blankToNull(request.getParameter("from")), blankToNull(request.getParameter("to")),
        blankToNull(request.getParameter("limit")), blankToNull(request.getParameter("cursor")),
        WindowPolicy.of(windowed), clock.instant());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
