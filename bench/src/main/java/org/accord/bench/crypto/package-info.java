/** Sealing and opening with Accord's CMS code beside the bare Bouncy Castle operations they rest on. */
package org.accord.bench.crypto;
