/** Record schema validation of the example referral. */
package org.accord.bench.record;
