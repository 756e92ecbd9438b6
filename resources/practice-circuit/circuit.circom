pragma circom 2.1.0;

// Subnet 2 Desktop practice circuit: a miniature of SN2's proof-of-weights scoring circuits
// ("SN2 PoW 256 Circom"). For each of B miners it updates a score as an exponential moving average:
//   verified:   new = (prev * (scaling - RATE_OF_RECOVERY) + maximum_score * RATE_OF_RECOVERY) / scaling
//   otherwise:  new = (prev * (scaling - RATE_OF_DECAY)) / scaling
// (integer division, values scaled by `scaling` = 1e8 exactly as SN2 scales its floats), and echoes the
// miner uids as a second output, like SN2's miner_uid_out. Every input is public, so a validator pins the
// inputs and only trusts the outputs, as in SN2 v10.

include "../../node_modules/circomlib/circuits/bitify.circom";
include "../../node_modules/circomlib/circuits/comparators.circom";

// q = floor(num / den), proven with q < 2^qBits, 0 <= r < den < 2^rBits.
template FloorDiv(qBits, rBits) {
    signal input num;
    signal input den;
    signal output q;
    signal r;

    q <-- num \ den;
    r <-- num % den;
    num === q * den + r;

    component qRange = Num2Bits(qBits);
    qRange.in <== q;
    component rRange = Num2Bits(rBits);
    rRange.in <== r;
    component rBelowDen = LessThan(rBits);
    rBelowDen.in[0] <== r;
    rBelowDen.in[1] <== den;
    rBelowDen.out === 1;
}

template PracticeScore(B) {
    signal output new_score[B];
    signal output miner_uid_out[B];

    signal input RATE_OF_DECAY;
    signal input RATE_OF_RECOVERY;
    signal input maximum_score;
    signal input previous_score[B];
    signal input verified[B];
    signal input miner_uid[B];
    signal input scaling;

    // The rates and the maximum score must not exceed the scale (1.0).
    component decayOk = LessEqThan(32);
    decayOk.in[0] <== RATE_OF_DECAY;
    decayOk.in[1] <== scaling;
    decayOk.out === 1;
    component recoveryOk = LessEqThan(32);
    recoveryOk.in[0] <== RATE_OF_RECOVERY;
    recoveryOk.in[1] <== scaling;
    recoveryOk.out === 1;
    component maxOk = LessEqThan(32);
    maxOk.in[0] <== maximum_score;
    maxOk.in[1] <== scaling;
    maxOk.out === 1;

    signal rate[B];
    signal keep[B];
    signal gain[B];
    signal numerator[B];
    component div[B];
    component prevRange[B];
    for (var i = 0; i < B; i++) {
        verified[i] * (verified[i] - 1) === 0;
        prevRange[i] = Num2Bits(32);
        prevRange[i].in <== previous_score[i];

        rate[i] <== RATE_OF_DECAY + verified[i] * (RATE_OF_RECOVERY - RATE_OF_DECAY);
        keep[i] <== previous_score[i] * (scaling - rate[i]);
        gain[i] <== verified[i] * maximum_score;
        numerator[i] <== keep[i] + gain[i] * RATE_OF_RECOVERY;

        div[i] = FloorDiv(40, 32);
        div[i].num <== numerator[i];
        div[i].den <== scaling;
        new_score[i] <== div[i].q;
        miner_uid_out[i] <== miner_uid[i];
    }
}

component main {public [RATE_OF_DECAY, RATE_OF_RECOVERY, maximum_score, previous_score, verified, miner_uid, scaling]} = PracticeScore(8);
