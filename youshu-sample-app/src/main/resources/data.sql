MERGE INTO product_sku (sku_id, spu_id, spu_name, name, price) KEY (sku_id) VALUES
    ('SKU-TEE-WHITE-M', 'SPU-TEE',   '纯棉T恤', '纯棉T恤 白色 M', 59.00),
    ('SKU-TEE-BLACK-L', 'SPU-TEE',   '纯棉T恤', '纯棉T恤 黑色 L', 59.00),
    ('SKU-SOCKS-GREY',  'SPU-SOCKS', '运动袜',  '运动袜 灰色',    19.90),
    ('SKU-CAP-NAVY',    'SPU-CAP',   '棒球帽',  '棒球帽 藏青',    39.00);

MERGE INTO shop_coupon (coupon_id, batch_id, name, amount) KEY (coupon_id) VALUES
    ('CPN-10-OFF', 'BATCH-2026-11', '满50减10', 10.00),
    ('CPN-5-OFF',  'BATCH-2026-11', '新人减5',   5.00);
