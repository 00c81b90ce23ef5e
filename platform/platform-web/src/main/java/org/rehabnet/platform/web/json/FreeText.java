package org.rehabnet.platform.web.json;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a free-text note (a clinical note, a reason, a group note) that may hold the tabs and line
 * breaks a person types; every other text field refuses them. Control characters and
 * bidirectional overrides stay refused here too (see {@link TextRules}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface FreeText {}
