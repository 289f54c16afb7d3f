package be.parcours.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller of another feature package (e.g. the rules workbench) as a workplace
 * page: it gets the layout's model (the user, the current path, the language) like the pages of
 * this package, without this package depending on the feature.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkplacePage {}
