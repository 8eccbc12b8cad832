CKSearch.rows("thu-tuc-0",[
["thu-tuc/1-009001/","Thủ tục hành chính","1.009001","","Cấp giấy phép bưu chính nội tỉnh"]]);
