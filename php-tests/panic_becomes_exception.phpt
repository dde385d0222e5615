--TEST--
A Rust panic in the binding layer reaches PHP as an RdKafka\Exception, and the process goes on
--ENV--
RDKAFKA_RS_TEST_HOOKS=1
--FILE--
<?php
var_dump(function_exists('rdkafka_rs_test_panic'));
try {
    rdkafka_rs_test_panic('deliberate');
} catch (RdKafka\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$conf = new RdKafka\Conf();
$conf->set('client.id', 'still-working');
echo $conf->dump()['client.id'], "\n";
?>
--EXPECTF--
bool(true)
RdKafka\Exception: Internal error in rdkafka-rs (please report it): deliberate at src/php/functions.rs:%d
still-working
