/**
 * The admin console: static pages under {@code /console} (HTML, JavaScript modules and CSS served as they are,
 * no front-end build) that call the JSON API with a bearer token kept in the tab's sessionStorage, and the
 * two public endpoints that get a browser that token ({@link dev.switchboard.console.boundary.ConsoleSignInResource}).
 */
package dev.switchboard.console.boundary;
