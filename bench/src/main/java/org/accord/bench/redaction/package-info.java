/** Minimisation of the example referral under the shipped referral plan. */
package org.accord.bench.redaction;
