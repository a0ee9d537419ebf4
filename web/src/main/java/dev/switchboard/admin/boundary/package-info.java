/**
 * Operations: the integrations overview of the admin API and the MicroProfile Health readiness checks
 * (database, broker).
 */
package dev.switchboard.admin.boundary;
