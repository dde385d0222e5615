--TEST--
Conf callback setters accept callables and reject anything else with a TypeError
--FILE--
<?php
$conf = new RdKafka\Conf();
foreach (['setErrorCb', 'setDrMsgCb', 'setStatsCb', 'setRebalanceCb', 'setConsumeCb', 'setOffsetCommitCb', 'setLogCb'] as $setter) {
    $conf->$setter(function () {});
    $conf->$setter('strlen');
    try {
        $conf->$setter('no_such_function_anywhere');
        echo "$setter accepted a non-callable\n";
    } catch (TypeError $e) {
        echo "$setter: TypeError\n";
    }
}
?>
--EXPECT--
setErrorCb: TypeError
setDrMsgCb: TypeError
setStatsCb: TypeError
setRebalanceCb: TypeError
setConsumeCb: TypeError
setOffsetCommitCb: TypeError
setLogCb: TypeError
