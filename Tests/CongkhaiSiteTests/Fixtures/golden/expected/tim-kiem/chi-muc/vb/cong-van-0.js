CKSearch.rows("cong-van-0",[
["van-ban/2024/3-stttt-vp/","Công văn","3/STTTT-VP","08/01/2024","V/v hướng dẫn sử dụng chữ ký số chuyên dùng"]]);
