package rampart.gcp.kms_key_rotation

import data.rampart.gcp.testlib as t

test_unrotated_keys_are_denied if {
	r := deny with input as t.doc([
		t.res("google_kms_crypto_key", "a", 1, {"name": "a", "key_ring": "ring"}),
		t.res("google_kms_crypto_key", "b", 30, {"name": "b", "key_ring": "ring", "rotation_period": "31536000s", "__spans__": {"rotation_period": [33, 33]}}),
	])
	count(r) == 2
	{x.line | some x in r} == {1, 33}
}

test_rotated_or_asymmetric_keys_are_allowed if {
	count(deny) == 0 with input as t.doc([
		t.res("google_kms_crypto_key", "a", 1, {"name": "a", "rotation_period": "7776000s"}),
		t.res("google_kms_crypto_key", "b", 30, {"name": "b", "rotation_period": "2592000.5s", "purpose": "ENCRYPT_DECRYPT"}),
		t.res("google_kms_crypto_key", "sign", 60, {"name": "sign", "purpose": "ASYMMETRIC_SIGN"}),
		t.res("google_kms_crypto_key", "v", 90, {"name": "v", "rotation_period": t.unknown("var.rotation", [])}),
	])
}
