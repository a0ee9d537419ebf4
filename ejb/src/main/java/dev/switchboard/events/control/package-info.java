/**
 * Reading stored webhook payloads into typed platform events: the shared JSON access and the error for a
 * payload that lacks what its event type requires. The typed events live in each platform's package.
 */
package dev.switchboard.events.control;
