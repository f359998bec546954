package org.resellledger.samples.web;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How the dashboard is served: the address it binds (loopback unless said otherwise), its port ({@code 0}
 * picks a free one, as the tests do) and the person recorded as the actor of every change made through it.
 */
public record WebOptions(InetAddress address, int port, String person) {
  public WebOptions {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + ": 0 to 65535");
    }
    if (person == null || person.isBlank()) {
      throw new IllegalArgumentException("person: the name recorded on every change made through the page");
    }
  }

  /** 127.0.0.1, port 8080, changes recorded as made by {@code person}. */
  public static WebOptions loopback(String person) {
    return new WebOptions(InetAddress.getLoopbackAddress(), 8080, person);
  }

  public WebOptions withPort(int newPort) {
    return new WebOptions(address, newPort, person);
  }

  public WebOptions withAddress(InetAddress newAddress) {
    return new WebOptions(newAddress, port, person);
  }
}
