/** Agreement decisions over a generated catalogue of 1,000 agreements. */
package org.accord.bench.agreement;
