--TEST--
Conf::dump() lists each callback that is set ("error_cb" => "0x..."), and only those, as php-rdkafka does
--FILE--
<?php
$names = ['error_cb' => 'setErrorCb', 'dr_msg_cb' => 'setDrMsgCb', 'stats_cb' => 'setStatsCb', 'rebalance_cb' => 'setRebalanceCb',
    'offset_commit_cb' => 'setOffsetCommitCb', 'consume_cb' => 'setConsumeCb'];
$conf = new RdKafka\Conf();
$before = $conf->dump();
foreach ($names as $key => $setter) {
    echo $key, ' before: ', isset($before[$key]) ? 'set' : 'absent';
    $conf->$setter(function () {});
    $value = $conf->dump()[$key] ?? null;
    echo ', after: ', is_string($value) && preg_match('/^0x[0-9a-f]+$/', $value) ? 'address' : var_export($value, true), "\n";
}
?>
--EXPECT--
error_cb before: absent, after: address
dr_msg_cb before: absent, after: address
stats_cb before: absent, after: address
rebalance_cb before: absent, after: address
offset_commit_cb before: absent, after: address
consume_cb before: absent, after: address
