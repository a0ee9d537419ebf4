/**
 * The database schema, migrated by Flyway when the application deploys. Hibernate never generates or
 * changes it, and the scripts are portable SQL so the same ones run on PostgreSQL and the embedded H2.
 */
package dev.switchboard.schema.control;
