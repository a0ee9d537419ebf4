/**
 * The JAX-RS application under {@code /api}: MicroProfile JWT bearer authentication, role checks with
 * the contract's 401/403, and the one JSON error shape {@code {"error": "..."}} for every failure.
 */
package dev.switchboard.api.boundary;
