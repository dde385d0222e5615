--TEST--
Conf: replacing a callback releases the old callable only after the Conf is updated, so a destructor it runs may use the same Conf (dump(), another setter, set()), as with php-rdkafka (before: "RefCell already mutably borrowed" from dump() and a lost setErrorCb())
--FILE--
<?php
class UsesConfWhenDestroyed
{
    public function __construct(public RdKafka\Conf $conf) {}

    public function __destruct()
    {
        echo 'destructor: dump() has ', isset($this->conf->dump()['dr_msg_cb']) ? 'a' : 'no', " dr_msg_cb\n";
        $this->conf->setErrorCb(static fn () => null); // static: no $this, so no cycle through the Conf
        $this->conf->set('client.id', 'from-destructor');
    }
}
$conf = new RdKafka\Conf();
$watcher = new UsesConfWhenDestroyed($conf);
$conf->setDrMsgCb(function () use ($watcher) {});
unset($watcher);
$conf->setDrMsgCb(function () {}); // releases the closure that held the watcher
$dump = $conf->dump();
echo 'after: client.id=', $dump['client.id'], ', error_cb ', isset($dump['error_cb']) ? 'set' : 'missing', ', dr_msg_cb ', isset($dump['dr_msg_cb']) ? 'set' : 'missing', "\n";
?>
--EXPECT--
destructor: dump() has a dr_msg_cb
after: client.id=from-destructor, error_cb set, dr_msg_cb set
