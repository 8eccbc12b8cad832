CKSearch.rows("ke-hoach-0",[
["van-ban/2024/7-kh-stttt/","Kế hoạch","07/KH-STTTT","20/02/2024","Triển khai chuyển đổi số trong cơ quan năm 2024"]]);
