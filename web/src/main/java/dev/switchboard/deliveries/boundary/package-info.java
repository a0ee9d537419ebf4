/**
 * What the outside world calls about deliveries: the shared webhook endpoint the platform resources
 * delegate to (bounded raw-body reading, status mapping) and the admin deliveries API.
 */
package dev.switchboard.deliveries.boundary;
